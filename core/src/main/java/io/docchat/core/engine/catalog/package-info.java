/**
 * The catalog of an account: its folder tree and its chat sessions. Also the identifiers the engine gives out and
 * the checks of request parameters that every flow shares.
 */
package io.docchat.core.engine.catalog;
