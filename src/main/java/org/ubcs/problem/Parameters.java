package org.ubcs.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Finds the resource-method parameter a violation is about, so a bad query parameter is reported under its HTTP name
 * and a bad body under a JSON pointer. The JAX-RS annotations live on the generated interfaces.
 */
final class Parameters {

    private Parameters() {
    }

    static boolean isBody(ConstraintViolation<?> violation, String javaName) {
        Parameter parameter = find(violation);
        return parameter != null && parameter.getAnnotation(QueryParam.class) == null
                && parameter.getAnnotation(HeaderParam.class) == null
                && parameter.getAnnotation(PathParam.class) == null;
    }

    static String httpName(ConstraintViolation<?> violation, String javaName) {
        Parameter parameter = find(violation);
        if (parameter == null) {
            return javaName;
        }
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return javaName;
    }

    private static Parameter find(ConstraintViolation<?> violation) {
        String method = null;
        int index = -1;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                index = node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        if (method == null || index < 0 || violation.getRootBeanClass() == null) {
            return null;
        }
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(violation.getRootBeanClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() > index
                        && candidate.getParameters()[index].getAnnotations().length > 0) {
                    return candidate.getParameters()[index];
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(java.util.List.of(type.getInterfaces()));
        }
        return null;
    }
}
