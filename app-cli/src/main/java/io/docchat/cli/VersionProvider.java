package io.docchat.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DocChatCli.class.getPackage().getImplementationVersion();
        return new String[] {"docchat " + (version == null ? "development build" : version)};
    }
}
