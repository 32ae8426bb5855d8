package io.docchat.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.docchat.cli.commands.samples.FacadeOnlyCommand;
import io.docchat.cli.commands.samples.PortReachingCommand;
import io.docchat.http.samples.PortReachingRoute;
import org.junit.jupiter.api.Test;

/** The facade rule of {@link ModuleBoundariesTest} is not vacuous: it flags classes that reach into a port. */
class FacadeRuleCatchesViolationsTest {

    @Test
    void aCommandOrRouteUsingAPortIsReported() {
        JavaClasses violating = new ClassFileImporter().importClasses(PortReachingCommand.class, PortReachingRoute.class);

        EvaluationResult result = ModuleBoundariesTest.driving_adapters_use_the_facade_not_the_ports.evaluate(violating);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("PortReachingCommand").contains("AccountStore"))
                .anySatisfy(line -> assertThat(line).contains("PortReachingRoute").contains("PassageIndex"));
    }

    @Test
    void aCommandUsingOnlyTheFacadePasses() {
        JavaClasses compliant = new ClassFileImporter().importClasses(FacadeOnlyCommand.class);

        assertThat(ModuleBoundariesTest.driving_adapters_use_the_facade_not_the_ports.evaluate(compliant)
                .hasViolation()).isFalse();
    }
}
