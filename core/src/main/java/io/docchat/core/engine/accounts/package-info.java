/**
 * The accounts flow: accounts (tenants), the credentials that act for them, and their checks. The HTTP server and
 * the command line reach it through {@link io.docchat.core.api.Accounts} only.
 */
package io.docchat.core.engine.accounts;
