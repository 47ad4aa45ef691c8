package vn.hocba.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * House rules: features talk through their public types only, and only to the features their {@code package-info.java}
 * declares ({@code allowedDependencies}); the grading rules stay free of any framework.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(HocbaApplication.class);

    @Test
    void featuresRespectEachOthersBoundaries() {
        MODULES.verify();
    }

    /** Without a declaration a module may use any other: a new feature states what it needs from the start. */
    @Test
    void everyFeatureDeclaresTheFeaturesItMayUse() {
        for (ApplicationModule module : MODULES) {
            var declared = packageInfo(module.getBasePackage().getName()).getAnnotation(
                    org.springframework.modulith.ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule in the package-info.java of %s", module.getIdentifier())
                    .isNotNull();
            if (declared.type() != org.springframework.modulith.ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getIdentifier())
                        .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
            }
        }
    }

    private static Class<?> packageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no package-info.java in " + packageName, e);
        }
    }

    @Test
    void gradingRulesAreFreeOfSpringAndPersistence() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hocba.archive.grading");
        // the package's module declaration (package-info) is metadata for ModularityTests, not code of the rules
        noClasses().that().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "jakarta..", "tools.jackson..").check(classes);
    }

    @Test
    void theCorrectionPolicyIsFreeOfSpringAndPersistence() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importClasses(vn.hocba.archive.corrections.CorrectionPolicy.class,
                        vn.hocba.archive.corrections.CorrectionStatus.class);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "jakarta..", "tools.jackson..").check(classes);
    }

    @Test
    void storageAndSigningLibrariesAreFreeOfSpring() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hocba.storage", "vn.hocba.signing");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(classes);
    }
}
