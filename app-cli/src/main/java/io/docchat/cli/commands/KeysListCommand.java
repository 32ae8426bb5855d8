package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.api.Accounts;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat keys list}: credentials of every account, without secrets. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List credentials (never their secrets).")
public final class KeysListCommand extends KeysSubcommand {

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Accounts accounts) {
        Terminal terminal = terminal();
        Json out = new Json();
        ArrayNode rows = out.array();
        int count = 0;
        for (Account account : accounts.list()) {
            for (AccessKey key : accounts.accessKeys(account.id())) {
                ObjectNode row = rows.addObject();
                row.put("type", "accessKey");
                row.put("id", key.accessKeyId());
                row.put("account", account.id());
                row.put("createdAt", String.valueOf(key.createdAt()));
                if (!json) {
                    terminal.out().println("accessKey  " + terminal.bold(key.accessKeyId()) + "  account " + account.id()
                            + terminal.dim("  " + key.createdAt()));
                }
                count++;
            }
            for (BearerToken token : accounts.bearerTokens(account.id())) {
                ObjectNode row = rows.addObject();
                row.put("type", "bearer");
                row.put("id", token.tokenHash());
                row.put("account", account.id());
                row.put("label", token.label());
                row.put("createdAt", String.valueOf(token.createdAt()));
                if (!json) {
                    terminal.out().println("bearer     " + terminal.bold(token.tokenHash().substring(0, 12)) + "  account "
                            + account.id() + (token.label() == null || token.label().isEmpty() ? "" : "  " + token.label())
                            + terminal.dim("  " + token.createdAt()));
                }
                count++;
            }
        }
        if (json) {
            out.print(terminal.out(), rows);
        } else if (count == 0) {
            terminal.out().println("No credentials: the server runs in local mode. Create one with: docchat keys create");
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }
}
