package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.IssuedBearerToken;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat keys create}: a new credential, its secret shown once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an AccessKey pair (default) or a bearer token. The secret is shown only once.")
public final class KeysCreateCommand extends KeysSubcommand {

    @Option(names = "--bearer", description = "Create a bearer token instead of an AccessKey pair.")
    boolean bearer;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "", description = "A note on what the token is for.")
    String label;

    @Option(names = "--account", paramLabel = "ID", defaultValue = Account.LOCAL,
            description = "The account (tenant) the credential acts for; created if new (default: ${DEFAULT-VALUE},"
                    + " the account the command line uses).")
    String account;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Accounts accounts) {
        Terminal terminal = terminal();
        Json out = new Json();
        ObjectNode node = out.object();
        node.put("account", account);
        if (bearer) {
            IssuedBearerToken issued = accounts.issueBearerToken(account, label);
            String token = issued.token();
            node.put("type", "bearer");
            node.put("token", token);
            node.put("tokenHash", issued.stored().tokenHash());
            if (!json) {
                terminal.out().println("Bearer token for account " + account + " (shown only now, keep it safe):");
                terminal.out().println("  " + terminal.bold(token));
                terminal.out().println("Use it as: Authorization: Bearer " + token);
            }
        } else {
            AccessKey key = accounts.issueAccessKey(account);
            node.put("type", "accessKey");
            node.put("accessKeyId", key.accessKeyId());
            node.put("accessKeySecret", key.secret());
            if (!json) {
                terminal.out().println("AccessKey pair for account " + account + " (the secret is shown only now):");
                terminal.out().println("  AccessKeyId:     " + terminal.bold(key.accessKeyId()));
                terminal.out().println("  AccessKeySecret: " + terminal.bold(key.secret()));
            }
        }
        if (json) {
            out.print(terminal.out(), node);
        } else {
            terminal.out().println(terminal.dim("Restart a running server in local mode to require credentials."));
            terminal.out().flush();
        }
        return ExitCodes.OK;
    }
}
