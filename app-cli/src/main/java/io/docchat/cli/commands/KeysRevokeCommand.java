package io.docchat.cli.commands;

import io.docchat.cli.CliException;
import io.docchat.cli.ExitCodes;
import io.docchat.core.DocChatException;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.RevokedCredential;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code docchat keys revoke}: removes a credential; requests using it are refused from then on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an AccessKeyId, or a bearer token given as itself or by the hash prefix 'keys list' shows.")
public final class KeysRevokeCommand extends KeysSubcommand {

    @Parameters(paramLabel = "ID", description = "AccessKeyId, bearer token, or bearer token hash (prefix).")
    String id;

    @Override
    int run(Accounts accounts) {
        Optional<RevokedCredential> revoked;
        try {
            revoked = accounts.revoke(id);
        } catch (DocChatException e) {
            throw CliException.usage(e.getMessage());
        }
        RevokedCredential credential = revoked.orElseThrow(
                () -> CliException.notFound("no access key or bearer token '" + id + "'"));
        String what;
        if (credential instanceof RevokedCredential.AccessKeyRevoked key) {
            what = "access key " + key.accessKeyId();
        } else {
            String hash = ((RevokedCredential.BearerTokenRevoked) credential).tokenHash();
            // Named by its hash: say which one; named by the token itself: do not echo a secret.
            what = hash.startsWith(id.toLowerCase(Locale.ROOT)) ? "bearer token " + hash.substring(0, 12)
                    : "the bearer token";
        }
        terminal().out().println("Revoked " + what + ".");
        terminal().out().flush();
        return ExitCodes.OK;
    }
}
