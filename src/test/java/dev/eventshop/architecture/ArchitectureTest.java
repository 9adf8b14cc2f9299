package dev.eventshop.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.EventShopApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features talk to each other only through their {@code api} packages; their internals stay package-private; the
 * platform is grouped by concern, and every package says what it is for.
 */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of("user", "item", "order");
    private static final String PACKAGE_INFO = "package-info";
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackagesOf(EventShopApplication.class);
    }

    @Test
    void featuresUseOnlyTheApiOfOtherFeatures() {
        for (String feature : FEATURES) {
            for (String other : FEATURES) {
                if (feature.equals(other)) {
                    continue;
                }
                ArchRule rule = noClasses().that().resideInAPackage("dev.eventshop." + feature + "..")
                        .should().dependOnClassesThat().resideInAPackage("dev.eventshop." + other)
                        .because("a feature reaches another only through its api package");
                rule.check(production);
            }
        }
    }

    @Test
    void featureInternalsArePackagePrivate() {
        classes().that().resideInAnyPackage(FEATURES.stream().map(f -> "dev.eventshop." + f).toArray(String[]::new))
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("OrderSaga") // Axon's saga factory needs a public class
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("aggregates, projections and controllers are internals of their feature")
                .check(production);
    }

    @Test
    void apiPackagesHoldOnlyMessagesViewsAndExceptions() {
        classes().that().resideInAPackage("dev.eventshop.*.api").and().doNotHaveSimpleName(PACKAGE_INFO)
                .should().beRecords().orShould().beEnums().orShould().beAssignableTo(RuntimeException.class)
                .because("an api is the commands, events, queries and views a feature offers")
                .check(production);
    }

    @Test
    void apisDependOnNoFeatureInternals() {
        noClasses().that().resideInAPackage("dev.eventshop.*.api")
                .should().dependOnClassesThat().resideInAnyPackage(
                        FEATURES.stream().map(f -> "dev.eventshop." + f).toArray(String[]::new))
                .check(production);
    }

    @Test
    void platformAndCommonDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.eventshop.platform..", "dev.eventshop.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        FEATURES.stream().map(f -> "dev.eventshop." + f + "..").toArray(String[]::new))
                .check(production);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.eventshop.(*)..").should().beFreeOfCycles()
                .because("features, ops, platform and common build on each other in one direction only")
                .check(production);
    }

    @Test
    void platformConcernsHaveNoCycles() {
        slices().matching("dev.eventshop.platform.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void platformIsGroupedByConcern() {
        noClasses().that().doNotHaveSimpleName(PACKAGE_INFO).should().resideInAPackage("dev.eventshop.platform")
                .because("each piece of infrastructure lives in the package of its concern (axon, views, database, ...)")
                .check(production);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        Set<String> packages = production.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        Set<String> described = production.stream()
                .filter(type -> type.getSimpleName().equals(PACKAGE_INFO))
                .map(JavaClass::getPackageName)
                .collect(Collectors.toSet());
        assertThat(described).as("packages with a package-info.java").containsAll(packages);
    }
}
