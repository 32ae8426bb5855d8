package io.docchat.cli.commands;

import io.docchat.cli.CliException;
import io.docchat.cli.ExitCodes;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code docchat keys revoke}: removes a credential; requests using it are refused from then on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an AccessKeyId, or a bearer token given as itself or by the hash prefix 'keys list' shows.")
public final class KeysRevokeCommand extends KeysSubcommand {

    @Parameters(paramLabel = "ID", description = "AccessKeyId, bearer token, or bearer token hash (prefix).")
    String id;

    @Override
    int run(AccountStore accounts) {
        if (accounts.deleteAccessKey(id)) {
            terminal().out().println("Revoked access key " + id + ".");
            terminal().out().flush();
            return ExitCodes.OK;
        }
        if (accounts.deleteBearerToken(BearerToken.hashOf(id))) {
            terminal().out().println("Revoked the bearer token.");
            terminal().out().flush();
            return ExitCodes.OK;
        }
        List<String> matches = new ArrayList<>();
        if (id.length() >= 8) {
            for (Account account : accounts.listAccounts()) {
                for (BearerToken token : accounts.listBearerTokens(account.id())) {
                    if (token.tokenHash().startsWith(id.toLowerCase())) {
                        matches.add(token.tokenHash());
                    }
                }
            }
        }
        if (matches.size() > 1) {
            throw CliException.usage("'" + id + "' matches " + matches.size() + " bearer tokens; give more characters");
        }
        if (matches.isEmpty() || !accounts.deleteBearerToken(matches.get(0))) {
            throw CliException.notFound("no access key or bearer token '" + id + "'");
        }
        terminal().out().println("Revoked bearer token " + matches.get(0).substring(0, 12) + ".");
        terminal().out().flush();
        return ExitCodes.OK;
    }
}
