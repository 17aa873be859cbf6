package org.ubcs.guards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.ubcs.api.page.PageBody;

/**
 * The layering of ENGINEERING.md, after quarkus-super-heroes rest-heroes: inside each capability a request reads
 * rest (thin, implements the generated interface) → service (rules, transaction, audit) → repository → PostgreSQL,
 * and back through one mapper; domain types are shared by all layers and know none of them.
 */
@AnalyzeClasses(packages = "org.ubcs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String REST = "..rest..";
    private static final String SERVICE = "..service..";
    private static final String REPOSITORY = "..repository..";
    private static final String MAPPING = "..mapping..";
    private static final String DOMAIN = "..domain..";
    private static final String WITH_TRANSACTION = "io.quarkus.hibernate.reactive.panache.common.WithTransaction";

    @ArchTest
    static final ArchRule rest_never_reaches_around_the_service_to_a_repository = noClasses()
            .that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(REPOSITORY)
            .because("resources stay thin: every read and write goes through a service, which owns the rules, the "
                    + "transaction and the audit record");

    @ArchTest
    static final ArchRule services_know_neither_http_resources_nor_api_mappers = noClasses()
            .that().resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage(REST, MAPPING)
            .because("services speak domain types; translating to and from the API models is the resource's "
                    + "job, through its mapper, so rules can be reused and tested without HTTP");

    @ArchTest
    static final ArchRule repositories_are_the_bottom_layer = noClasses()
            .that().resideInAPackage(REPOSITORY)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE, REST, MAPPING)
            .because("repositories only query and store entities; a repository that calls up the stack hides "
                    + "rules and transactions where nobody looks for them");

    @ArchTest
    static final ArchRule domain_depends_on_no_layer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(REST, SERVICE, REPOSITORY, MAPPING)
            .because("domain types (entities, drafts, procedure rules) are used by every layer, so they may "
                    + "depend on none of them without creating a cycle");

    @ArchTest
    static final ArchRule jax_rs_stays_at_the_http_edge = noClasses()
            .that().resideOutsideOfPackages(REST, "org.ubcs.problem..", "org.ubcs.web..",
                    // the generated interfaces are the JAX-RS surface of the contract
                    "org.ubcs.api")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .because("HTTP concerns (status codes, headers, exceptions of JAX-RS) belong to resources, the "
                    + "problem mappers and the web helpers; services signal failures with ProblemException");

    @ArchTest
    static final ArchRule nothing_depends_on_dev_mode = noClasses()
            .that().resideOutsideOfPackage("org.ubcs.devmode..")
            .should().dependOnClassesThat().resideInAPackage("org.ubcs.devmode..")
            .because("org.ubcs.devmode starts an embedded PostgreSQL and makes signing keys for development; "
                    + "production code that reached it could run it, or trust a development key");

    @ArchTest
    static final ArchRule capabilities_are_free_of_cycles = slices()
            .matching("org.ubcs.(*)..")
            .should().beFreeOfCycles()
            .because("capabilities must be understood, tested and changed one at a time; a cycle makes two of "
                    + "them one");

    @ArchTest
    static final ArchRule transactional_writes_live_in_services = methods()
            .that().areAnnotatedWith(WITH_TRANSACTION)
            .should().beDeclaredInClassesThat().resideInAnyPackage(SERVICE, "org.ubcs.idempotency")
            .because("a write's rules, its audit record and its transaction boundary are decided in one place, "
                    + "the service (idempotency wraps a create in the same transaction)");

    @ArchTest
    static final ArchRule no_class_wide_transactions_outside_services = classes()
            .that().areAnnotatedWith(WITH_TRANSACTION)
            .should().resideInAnyPackage(SERVICE, "org.ubcs.idempotency")
            .allowEmptyShould(true)
            .because("a class-wide @WithTransaction makes every method a write; it is only acceptable on a "
                    + "service");

    @ArchTest
    static final ArchRule only_links_completes_a_page = noClasses()
            .that().doNotHaveFullyQualifiedName("org.ubcs.web.Links")
            .and().resideOutsideOfPackage("org.ubcs.api..")
            .should().callMethodWhere(DescribedPredicate.describe("a setter of a page's next or nextCursor",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PageBody.class)
                            && List.of("next", "setNext", "nextCursor", "setNextCursor")
                                    .contains(call.getName())))
            .because("a page's next link and nextCursor are made together, in one place (Links.page), so no "
                    + "list can give one without the other or build them differently");
}
