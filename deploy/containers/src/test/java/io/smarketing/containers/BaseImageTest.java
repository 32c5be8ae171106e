package io.smarketing.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BaseImageTest {

    private static final BaseImage BOOKWORM = BaseImage.DEBIAN_JRE_17;

    @Test
    void theTagIsTheDigestOfWhatTheImageIsMadeOf() {
        assertTrue(BOOKWORM.image().matches("localhost/smarketing/base-jre:bookworm-[0-9a-f]{12}"), BOOKWORM.image());
        assertEquals(BOOKWORM.image(), new BaseImage("bookworm", BOOKWORM.mirror(), List.of("openjdk-17-jre-headless")).image(),
                "the same inputs, the same image: a present image is reused");
    }

    @Test
    void anyChangedInputIsANewImage() {
        assertNotEquals(BOOKWORM.image(), new BaseImage("trixie", BOOKWORM.mirror(), BOOKWORM.packages()).image());
        assertNotEquals(BOOKWORM.image(), new BaseImage("bookworm", "http://ftp.jp.debian.org/debian", BOOKWORM.packages()).image());
        assertNotEquals(BOOKWORM.image(),
                new BaseImage("bookworm", BOOKWORM.mirror(), List.of("openjdk-17-jre-headless", "curl")).image());
    }

    @Test
    void thePackageOrderDoesNotMatter() {
        assertEquals(new BaseImage("bookworm", BOOKWORM.mirror(), List.of("a", "b")).image(),
                new BaseImage("bookworm", BOOKWORM.mirror(), List.of("b", "a")).image());
    }

    @Test
    void debootstrapMakesAMinimalTreeWithTheRuntime() {
        assertEquals(List.of("debootstrap", "--variant=minbase", "--include=openjdk-17-jre-headless", "bookworm", "/work/rootfs",
                "http://deb.debian.org/debian"), BOOKWORM.debootstrapCommand(Path.of("/work/rootfs")));
    }

    @Test
    void theImportedImageHasAPathAndSaysWhatItIsMadeOf() {
        List<String> args = BOOKWORM.importArguments();
        assertEquals("import", args.get(0));
        assertTrue(args.contains("ENV=PATH=" + BaseImage.PATH), "java is found on the PATH");
        assertTrue(args.contains("LABEL=io.smarketing.base.inputs=" + BOOKWORM.inputsDigest()));
        assertEquals(List.of("-", BOOKWORM.image()), args.subList(args.size() - 2, args.size()), "the tree from stdin");
    }
}
