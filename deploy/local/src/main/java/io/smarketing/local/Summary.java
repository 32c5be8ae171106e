package io.smarketing.local;

import java.io.IOException;
import java.security.GeneralSecurityException;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/** What {@code up} prints at the end: where everything answers, and how to try it. */
final class Summary {

    private Summary() {
    }

    static void print(Launcher launcher, Addresses addresses, String took) {
        var out = launcher.console().out();
        String goals = addresses.url(Platform.GOALS.name());
        out.printf("%nSmarketing is up (took %s).%n%n", took);
        out.printf("  %-18s %-24s %s%n", "service", "URL", "Swagger UI");
        for (Service service : Platform.SERVICES) {
            String url = addresses.url(service.name());
            out.printf("  %-18s %-24s %s%n", service.name(), url, url + "/q/swagger-ui");
        }
        out.printf("%n  %-18s %s%n", "dashboard", goals + "/");
        out.printf("  %-18s %s%n", "PostgreSQL", addresses.postgresHost() + ":" + addresses.postgresPort()
                + " (databases goals, leads, campaigns, feedback; passwords in "
                + addresses.state().root().relativize(addresses.state().databaseCredentials()) + ")");
        out.printf("  %-18s %s%n", "Kafka", addresses.kafkaBootstrap());
        out.printf("  %-18s %s%n", "logs, data", addresses.state().root() + " (./smarketing logs <name>, ./smarketing status)");
        String token;
        try {
            token = DevTokens.token(addresses.state().keys(), "executive", "erin", 8);
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("cannot sign a dev token: " + e);
        }
        out.printf("""

                The dashboard, signed in (the token stays in that browser tab; it is valid 8 hours):
                  as erin, executive:  %1$s/#token=%2$s
                  other roles:         %1$s/#token=$(./smarketing token sales sam)

                A token (roles: marketing, sales, executive):
                  ./smarketing token marketing alice

                Try it:
                  curl -H "Authorization: Bearer $(./smarketing token marketing alice)" -H 'Content-Type: application/json' -d '{"email":"ann@example.com","name":"Ann","channel":"WEB"}' %3$s/api/leads
                  curl -H "Authorization: Bearer $(./smarketing token executive erin)" %1$s/api/view

                Stop everything with ./smarketing down.
                """, goals, token, addresses.url(Platform.LEADS.name()));
    }
}
