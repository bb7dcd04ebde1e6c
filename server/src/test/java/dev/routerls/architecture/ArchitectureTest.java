package dev.routerls.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Pins the layers: core ← grammar ← models (yamaha, openwrt, mape) ← rules ← analysis ← services ←
 * lsp / cli. Models only parse and build models; rules read models; analysis is the one place that runs
 * rules; services are editor features on plain types; lsp and cli adapt them. The packet trace
 * ({@code trace}) sits beside analysis: it simulates the models, so rules cannot use it (what a rule and the
 * trace share, such as filter matching, lives in the models). A new import that points up, or a package
 * cycle, fails the build here.
 */
@AnalyzeClasses(packages = "dev.routerls", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy("dev.routerls.core..")
            .layer("grammar").definedBy("dev.routerls.grammar..")
            .layer("models").definedBy("dev.routerls.yamaha..", "dev.routerls.openwrt..", "dev.routerls.mape..")
            .layer("rules").definedBy("dev.routerls.rules..")
            .layer("analysis").definedBy("dev.routerls.analysis..")
            .layer("trace").definedBy("dev.routerls.trace..")
            .layer("services").definedBy("dev.routerls.services..")
            .layer("lsp").definedBy("dev.routerls.lsp..")
            .layer("cli").definedBy("dev.routerls.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            // `routerls lsp` is a CLI subcommand that starts the server
            .whereLayer("lsp").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("services").mayOnlyBeAccessedByLayers("lsp", "cli")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("services", "lsp", "cli")
            .whereLayer("trace").mayOnlyBeAccessedByLayers("services", "lsp", "cli")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("analysis", "trace", "services", "lsp", "cli")
            .whereLayer("models").mayOnlyBeAccessedByLayers("rules", "analysis", "trace", "services", "lsp", "cli")
            .whereLayer("grammar").mayOnlyBeAccessedByLayers("models", "rules", "analysis", "trace", "services", "lsp", "cli");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.routerls.(**)").should().beFreeOfCycles();

    /** The two vendors' models are independent; both may use the MAP-E engine, which uses neither. */
    @ArchTest
    static final ArchRule yamahaModelIgnoresOpenWrt = noClasses().that().resideInAPackage("dev.routerls.yamaha..")
            .should().dependOnClassesThat().resideInAPackage("dev.routerls.openwrt..");

    @ArchTest
    static final ArchRule openWrtModelIgnoresYamaha = noClasses().that().resideInAPackage("dev.routerls.openwrt..")
            .should().dependOnClassesThat().resideInAPackage("dev.routerls.yamaha..");

    @ArchTest
    static final ArchRule mapeEngineIsVendorNeutral = noClasses().that().resideInAPackage("dev.routerls.mape..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.routerls.yamaha..", "dev.routerls.openwrt..");

    /**
     * Models report typed problems (what, where); the rules and the engine turn them into findings, so a
     * finding's id and severity are written once, in the rule's metadata.
     */
    @ArchTest
    static final ArchRule modelsMakeNoFindings = noClasses().that()
            .resideInAnyPackage("dev.routerls.yamaha..", "dev.routerls.openwrt..", "dev.routerls.mape..")
            .should().dependOnClassesThat().belongToAnyOf(Diagnostic.class, Severity.class);

    /** Editor features are plain types: only the adapter knows LSP4J. */
    @ArchTest
    static final ArchRule onlyTheAdapterKnowsLsp4j = noClasses().that().resideOutsideOfPackage("dev.routerls.lsp..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..");
}
