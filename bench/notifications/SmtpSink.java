import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that accepts every message and discards it: the far end of the notification benchmark. One thread
 * per connection (the service opens at most ubcs.notifications.concurrency of them), so the sink is never what the
 * benchmark measures. Run as a source file: {@code java bench/notifications/SmtpSink.java PORT}.
 */
public class SmtpSink {

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 64, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                client.setTcpNoDelay(true); // each reply is one small write: never wait for the client's ACK
                Thread thread = new Thread(() -> session(client));
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            for (String line; (line = in.readLine()) != null;) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        for (String data; (data = in.readLine()) != null && !data.equals(".");) {
                            // discarded
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to keep
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
