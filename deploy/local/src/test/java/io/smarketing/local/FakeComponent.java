package io.smarketing.local;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A stand-in for a component in the launcher's tests, a real process: {@code listen <port>} says so in its log and
 * serves until stopped; {@code crash} logs why and exits 3 while "starting".
 */
public final class FakeComponent {

    private FakeComponent() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("crash")) {
            System.out.println("booting");
            System.out.println("fatal: cannot reach the database");
            System.exit(3);
        }
        try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getLoopbackAddress())) {
            System.out.println("listening");
            System.out.flush();
            while (true) {
                socket.accept().close();
            }
        }
    }
}
