package vn.mydrive.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.mydrive.drive.SegmentLayout;

/**
 * The shape the packages keep: features ({@code auth}, {@code drive}, {@code covid}, {@code monitor}) stand on
 * {@code platform} and never on each other; {@code platform} knows no feature; inside a feature, the root package
 * (its model, services and the repository interfaces they need) knows none of its adapters ({@code store},
 * {@code source}, {@code web}, {@code transfer}), which implement or call it. Fails the build the moment a change
 * breaks it.
 */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of("auth", "drive", "covid", "monitor");
    private static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
                    .check(imported);
        }
    }

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage("vn.mydrive.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
                        .map(f -> "vn.mydrive." + f + "..").toArray(String[]::new))
                .because("features depend on the platform, never the reverse")
                .check(imported);
    }

    @Test
    void aFeaturesCoreKnowsNoneOfItsAdapters() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("vn.mydrive." + feature)
                    .should().dependOnClassesThat().resideInAPackage("vn.mydrive." + feature + ".*..")
                    .because("dependencies point inward: adapters implement the core's interfaces")
                    .check(imported);
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("vn.mydrive.(**)").should().beFreeOfCycles().check(imported);
    }

    @Test
    void theClientSharesOnlyTheProtocolWithTheServer() {
        classes().that().resideInAPackage("vn.mydrive.client..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("vn.mydrive..")
                        .or(resideInAnyPackage("vn.mydrive.client..", "vn.mydrive.drive.protocol.."))
                        .or(type(SegmentLayout.class)))
                .because("the command-line jar carries the client and the protocol, nothing of the server")
                .check(imported);
        noClasses().that().resideOutsideOfPackage("vn.mydrive.client..")
                .and().resideInAPackage("vn.mydrive..")
                .should().dependOnClassesThat().resideInAPackage("vn.mydrive.client..")
                .because("the server never uses its client")
                .check(imported);
    }
}
