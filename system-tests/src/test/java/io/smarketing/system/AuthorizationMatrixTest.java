package io.smarketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.smarketing.system.ApiOperations.Operation;
import io.smarketing.system.Fixtures.Call;
import io.smarketing.testing.Tokens;

/**
 * Every operation of the four APIs (from their OpenAPI documents) × every role × owner and non-owner: a role the
 * operation's security names succeeds (2xx) on a resource in a fitting state and gets 404 for an unknown id; any
 * other role gets 403; a sales rep acting on a lead someone else owns gets 403; no token gets 401.
 */
class AuthorizationMatrixTest {

    private static final List<String> ROLES = List.of("marketing", "sales", "executive");

    @Test
    void everyOperationAnswersEachRoleAsItsSecurityAndOwnershipSay() {
        List<Operation> operations = ApiOperations.all();
        assertEquals(new TreeSet<>(Fixtures.OPERATIONS),
                operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new)),
                "the operations of the OpenAPI documents are the ones the fixtures know");

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (operation.roles().isEmpty()) {
                wrong.add(operation + " declares no roles in its security requirement");
                continue;
            }
            for (String role : ROLES) {
                String user = userOf(role);
                if (!operation.roles().contains(role)) {
                    String allowed = anAllowedRole(operation);
                    Call call = Fixtures.valid(operation, allowed, userOf(allowed));
                    checked += expect(wrong, operation, role, "not its role", call, bearer(role, user), Set.of(403));
                    continue;
                }
                Call call = Fixtures.valid(operation, role, user);
                checked += expect(wrong, operation, role, "owner", call, bearer(role, user), null);
                if (operation.hasPathId()) {
                    checked += expect(wrong, operation, role, "unknown id", call.withId(UUID.randomUUID().toString()),
                            bearer(role, user), Set.of(404));
                }
                if (role.equals("sales") && Fixtures.OWNED_BY_SALES.contains(operation.key())) {
                    checked += expect(wrong, operation, role, "non-owner", Fixtures.onALeadOwnedByAnother(operation, user),
                            bearer(role, user), Set.of(403));
                }
            }
            Call anonymous = Fixtures.valid(operation, anAllowedRole(operation), userOf(anAllowedRole(operation)));
            checked += expect(wrong, operation, "none", "no token", anonymous, Map.of(), Set.of(401));
        }

        assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " cells answered otherwise:\n"
                + String.join("\n", wrong));
        assertTrue(checked > 150, "checked " + checked + " cells");
        System.out.printf("authorization matrix: %d operations, %d cells%n", operations.size(), checked);
    }

    /** A user of the role; each sales user is new, so leads they own are theirs alone. */
    private static String userOf(String role) {
        return role.equals("sales") ? "sam-matrix-" + UUID.randomUUID().toString().substring(0, 8)
                : role.equals("marketing") ? Fixtures.MARKETER : Fixtures.EXECUTIVE;
    }

    private static String anAllowedRole(Operation operation) {
        return operation.roles().iterator().next();
    }

    private static Map<String, String> bearer(String role, String user) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", Tokens.bearer(role, user));
        return headers;
    }

    /** Sends the call; {@code expected} null means any 2xx. Returns 1, the cell counted. */
    private static int expect(List<String> wrong, Operation operation, String role, String cell, Call call,
            Map<String, String> headers, Set<Integer> expected) {
        Map<String, String> all = new HashMap<>(headers);
        if (call.contentType() != null) {
            all.put("Content-Type", call.contentType());
        }
        all.put("Accept", operation.path().endsWith("/stream") ? "text/event-stream" : "application/json");
        RawHttp.Answer answer = RawHttp.send(RawHttp.Request.of(operation.method(), operation.baseUrl() + call.path(),
                all, call.body()));
        boolean ok = expected == null ? answer.status() / 100 == 2 : expected.contains(answer.status());
        if (!ok) {
            wrong.add(operation + " as " + role + " (" + cell + "): " + answer.status() + ", expected "
                    + (expected == null ? "2xx" : expected) + " " + abbreviate(answer.body()));
        }
        return 1;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
