package io.smarketing.local;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar deploy/local/target/smarketing-local.jar}, as both shims run it: puts this jar and the runtime
 * classpath the build wrote beside it ({@code runtime-classpath.txt}) on one class loader, and runs the launcher. So
 * the shims need no classpath of their own (a Windows command line could not even hold it).
 */
public final class Boot {

    /** The launcher's full classpath, from which it starts the Kafka broker too. */
    static final String CLASSPATH_PROPERTY = "smarketing.classpath";

    private Boot() {
    }

    public static void main(String[] args) throws Throwable {
        Path jar = Path.of(Boot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classpath = new ArrayList<>(List.of(jar.toString()));
        for (String entry : Files.readString(jar.resolveSibling("runtime-classpath.txt")).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(entry);
            }
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        System.setProperty(CLASSPATH_PROPERTY, String.join(File.pathSeparator, classpath));
        ClassLoader loader = new URLClassLoader("smarketing", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(Smarketing.class.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
