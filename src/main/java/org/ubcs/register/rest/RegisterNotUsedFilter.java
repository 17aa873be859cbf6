package org.ubcs.register.rest;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubcs.register.service.RegisterService;

/**
 * Every register endpoint answers 404 {@code register-not-used} where the council's policy keeps no register, before
 * any other check of the request.
 */
public class RegisterNotUsedFilter {

    @Inject
    RegisterService register;

    @ServerRequestFilter
    @RegisterCapability
    public void refuseWithoutRegister() {
        register.settings();
    }
}
