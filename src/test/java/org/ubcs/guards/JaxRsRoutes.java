package org.ubcs.guards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The JAX-RS routes the compiled service really has, found in its class files (ArchUnit's importer, no class
 * loading): for every concrete class under org.ubcs, the resource methods it declares or inherits from the
 * interfaces and superclasses it implements (the generated org.ubcs.api interfaces carry the annotations).
 */
final class JaxRsRoutes {

    static final String PATH = "jakarta.ws.rs.Path";
    static final String APPLICATION_PATH = "jakarta.ws.rs.ApplicationPath";
    static final Set<String> HTTP_METHOD_ANNOTATIONS = Set.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST",
            "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD",
            "jakarta.ws.rs.OPTIONS");

    /** One route: HTTP method (or LOCATOR for a sub-resource locator) and path template, and where it comes from. */
    record Route(String method, String template, String source) {

        String key() {
            return method + " " + Contract.normaliseTemplate(template);
        }

        @Override
        public String toString() {
            return method + " " + template + " <- " + source;
        }
    }

    private JaxRsRoutes() {
    }

    static JavaClasses importService() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.ubcs");
    }

    static boolean isConcrete(JavaClass type) {
        return !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT) && !type.isAnnotation()
                && !type.isEnum() && !type.isRecord();
    }

    static boolean declaresJaxRs(JavaClass type) {
        return type.isAnnotatedWith(PATH)
                || type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(PATH) || httpMethod(m).isPresent());
    }

    static List<Route> routes(JavaClasses classes) {
        String applicationPath = classes.stream().filter(c -> c.isAnnotatedWith(APPLICATION_PATH))
                .map(c -> value(c.getAnnotationOfType(APPLICATION_PATH).get("value").orElse(""))).findFirst()
                .orElse("");
        List<Route> routes = new ArrayList<>();
        for (JavaClass resource : classes) {
            if (!isConcrete(resource)) {
                continue;
            }
            List<JavaClass> hierarchy = Stream.concat(Stream.of(resource),
                    Stream.concat(resource.getAllRawSuperclasses().stream(),
                            resource.getAllRawInterfaces().stream()))
                    .toList();
            if (hierarchy.stream().noneMatch(JaxRsRoutes::declaresJaxRs)) {
                continue;
            }
            String classPath = hierarchy.stream().filter(t -> t.isAnnotatedWith(PATH))
                    .map(t -> value(t.getAnnotationOfType(PATH).get("value").orElse(""))).findFirst().orElse("");
            for (JavaClass declaring : hierarchy) {
                for (JavaMethod method : declaring.getMethods()) {
                    Optional<String> verb = httpMethod(method);
                    boolean locator = verb.isEmpty() && method.isAnnotatedWith(PATH);
                    if (verb.isEmpty() && !locator) {
                        continue;
                    }
                    String methodPath = method.isAnnotatedWith(PATH)
                            ? value(method.getAnnotationOfType(PATH).get("value").orElse(""))
                            : "";
                    routes.add(new Route(verb.orElse("LOCATOR"), join(applicationPath, classPath, methodPath),
                            resource.getName() + "#" + method.getName()
                                    + (declaring.equals(resource) ? "" : " (declared on " + declaring.getName() + ")")));
                }
            }
        }
        return routes;
    }

    private static Optional<String> httpMethod(JavaMethod method) {
        return method.getAnnotations().stream().map(a -> a.getRawType().getName())
                .filter(HTTP_METHOD_ANNOTATIONS::contains).map(name -> name.substring(name.lastIndexOf('.') + 1))
                .findFirst();
    }

    private static String join(String... segments) {
        String path = ("/" + String.join("/", segments)).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String value(Object annotationValue) {
        return String.valueOf(annotationValue);
    }
}
