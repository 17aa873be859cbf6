package org.ubcs.web;

import java.lang.reflect.Method;

/**
 * Resource methods implement the interfaces generated from the contract, and the JAX-RS annotations ({@code @Path},
 * {@code @QueryParam}, ...) live on those interfaces: Java does not inherit method or parameter annotations.
 */
final class ApiMethods {

    private ApiMethods() {
    }

    /** The interface's declaration of a resource method, or the method itself where no interface declares it. */
    static Method declaration(Class<?> type, Method method) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> api : c.getInterfaces()) {
                try {
                    return api.getMethod(method.getName(), method.getParameterTypes());
                } catch (NoSuchMethodException notThisOne) {
                    // another interface, or the superclass's
                }
            }
        }
        return method;
    }
}
