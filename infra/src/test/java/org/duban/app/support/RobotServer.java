package org.duban.app.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Group robots on loopback, a free port: every path answers as WeCom's and DingTalk's robots do
 * ({@code {"errcode":0}}), except paths under {@code /failing}, which answer 500 as a robot behind a broken proxy
 * would. Every request is kept, in the order received.
 */
public final class RobotServer implements AutoCloseable {
    /** A request a robot received: its path with the query, and its body. */
    public record Received(String path, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public RobotServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().toString(), body));
            boolean failing = exchange.getRequestURI().getPath().startsWith("/failing");
            byte[] answer = (failing ? "proxy error" : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failing ? 500 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** The address of a robot at {@code path} (with its query) on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What the robots received so far (a live list). */
    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
