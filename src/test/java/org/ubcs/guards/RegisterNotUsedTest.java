package org.ubcs.guards;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ubcs.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** Cambridgeshire's policy keeps no register: every register operation says so with its own problem type. */
@QuarkusTest
class RegisterNotUsedTest {

    @TestFactory
    Stream<DynamicTest> everyRegisterOperationIs404RegisterNotUsed() {
        List<Contract.Operation> register = Contract.operations().stream()
                .filter(op -> op.path().startsWith("/register-")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(13, register.size(), "the register's operations");
        return register.stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            var spec = Api.as(op.allowedRoles().get(0));
            if (op.hasHeader("If-Match")) {
                spec.header("If-Match", "\"1\"");
            }
            if (op.node().has("requestBody")) {
                spec.body(op.exampleBody().orElseThrow());
            }
            op.requiredQuery().forEach(spec::queryParam);
            spec.when().request(op.method(), op.concretePath()).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ubcs:problem:register-not-used"));
        }));
    }
}
