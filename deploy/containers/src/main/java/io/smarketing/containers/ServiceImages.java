package io.smarketing.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds each service's image from its Dockerfile.jvm, on a given base image. */
public final class ServiceImages {

    /** Local images carry this tag; a registry's release tags are the platform team's (deploy/README.md). */
    public static final String TAG = "local";

    /** One image built: its name, size (with the base's layers) and the time its build took. */
    public record Built(String service, String image, long bytes, Duration took) {
    }

    private ServiceImages() {
    }

    static String image(ServiceContainer service) {
        return "localhost/" + service.image() + ":" + TAG;
    }

    static List<String> buildArguments(ServiceContainer service, String baseImage) {
        return List.of("build", "--isolation=chroot", "--build-arg", "BASE_IMAGE=" + baseImage,
                "-f", service.module().resolve(service.dockerfile()).toString(), "-t", image(service),
                service.module().toString());
    }

    /** Builds every image; podman's layer cache makes an unchanged service cost a second or two. */
    public static List<Built> build(Podman podman, List<ServiceContainer> services, String baseImage) {
        List<Built> built = new ArrayList<>();
        for (ServiceContainer service : services) {
            Path jar = service.module().resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new ContainerFailure(jar + " is missing: build the services first (./mvnw install -DskipTests)");
            }
            long started = System.nanoTime();
            podman.run(buildArguments(service, baseImage)).orFail();
            built.add(new Built(service.service(), image(service), podman.imageSize(image(service)),
                    Duration.ofNanos(System.nanoTime() - started)));
        }
        return built;
    }
}
