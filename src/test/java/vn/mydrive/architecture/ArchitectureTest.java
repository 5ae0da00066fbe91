package vn.mydrive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape the packages keep: features ({@code auth}, {@code drive}, {@code covid}, {@code monitor}) stand on
 * {@code platform} and never on each other; {@code platform} knows no feature; inside a feature, the root package
 * (its model, services and the repository interfaces they need) knows none of its adapters ({@code store},
 * {@code source}, {@code web}, {@code transfer}), which implement or call it. Fails the build the moment a change
 * breaks it.
 */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of("auth", "drive", "covid", "monitor");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.mydrive");
    }

    @Test
    void noFeatureUsesAnother() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream().filter(f -> !f.equals(feature))
                    .map(f -> "vn.mydrive." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("vn.mydrive." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("features talk through platform events and interfaces, never through each other")
                    .check(classes);
        }
    }

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage("vn.mydrive.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
                        .map(f -> "vn.mydrive." + f + "..").toArray(String[]::new))
                .because("features depend on the platform, never the reverse")
                .check(classes);
    }

    @Test
    void aFeaturesCoreKnowsNoneOfItsAdapters() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("vn.mydrive." + feature)
                    .should().dependOnClassesThat().resideInAPackage("vn.mydrive." + feature + ".*..")
                    .because("dependencies point inward: adapters implement the core's interfaces")
                    .check(classes);
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("vn.mydrive.(**)").should().beFreeOfCycles().check(classes);
    }
}
