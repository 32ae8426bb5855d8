package io.docchat.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's module rules over the whole assembled application: adapters never depend on each other and the core
 * depends on none of them; only the composition root (app-cli) knows every module; the driving adapters use the
 * facade, not the ports.
 */
@AnalyzeClasses(packages = "io.docchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String SQLITE = "io.docchat.sqlite..";
    private static final String LUCENE = "io.docchat.lucene..";
    private static final String DOCUMENTS = "io.docchat.documents..";
    private static final String OPENAI = "io.docchat.openai..";
    private static final String HTTP = "io.docchat.http..";
    private static final String EMBEDDED = "io.docchat.embedded..";
    private static final String POSTGRES = "io.docchat.postgres..";

    @ArchTest
    static final ArchRule sqlite_depends_on_no_other_adapter =
            adapter(SQLITE, LUCENE, DOCUMENTS, OPENAI, HTTP, EMBEDDED, POSTGRES);

    @ArchTest
    static final ArchRule lucene_depends_on_no_other_adapter =
            adapter(LUCENE, SQLITE, DOCUMENTS, OPENAI, HTTP, EMBEDDED, POSTGRES);

    @ArchTest
    static final ArchRule documents_depends_on_no_other_adapter =
            adapter(DOCUMENTS, SQLITE, LUCENE, OPENAI, HTTP, EMBEDDED, POSTGRES);

    @ArchTest
    static final ArchRule openai_depends_on_no_other_adapter =
            adapter(OPENAI, SQLITE, LUCENE, DOCUMENTS, HTTP, EMBEDDED, POSTGRES);

    @ArchTest
    static final ArchRule http_depends_on_no_other_adapter =
            adapter(HTTP, SQLITE, LUCENE, DOCUMENTS, OPENAI, EMBEDDED, POSTGRES);

    @ArchTest
    static final ArchRule postgres_depends_on_no_other_adapter =
            adapter(POSTGRES, SQLITE, LUCENE, DOCUMENTS, OPENAI, HTTP, EMBEDDED);

    @ArchTest
    static final ArchRule core_depends_on_no_adapter = noClasses()
            .that().resideInAPackage("io.docchat.core..")
            .should().dependOnClassesThat().resideInAnyPackage(SQLITE, LUCENE, DOCUMENTS, OPENAI, HTTP, EMBEDDED,
                    POSTGRES, "io.docchat.cli..")
            .because("adapters plug into the core's ports; the core never names a technology");

    /**
     * The driving adapters (the HTTP server, the commands of the command line) reach the engine through the
     * {@code DocChat} facade only; the ports are for the driven side and the wiring.
     */
    @ArchTest
    static final ArchRule driving_adapters_use_the_facade_not_the_ports = noClasses()
            .that().resideInAnyPackage(HTTP, "io.docchat.cli.commands..")
            .should().dependOnClassesThat().resideInAPackage("io.docchat.core.port..")
            .because("the HTTP server and the commands drive the engine through DocChat; only wiring knows the ports");

    private static ArchRule adapter(String adapter, String... others) {
        return noClasses()
                .that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .because("adapters meet only through the core's ports; embedded and app-cli wire them together");
    }
}
