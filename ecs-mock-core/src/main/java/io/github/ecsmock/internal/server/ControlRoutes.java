package io.github.ecsmock.internal.server;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.EcsView;
import io.github.ecsmock.ErrorInjection;
import io.github.ecsmock.PlacementFailure;
import io.github.ecsmock.RecordedRequest;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.JsonValues;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * The handle over HTTP, under the reserved {@code /_ecsmock/} path, so that tests in any language can
 * reset the standalone server, read its state and journal, move its clock and make it misbehave.
 * Only callers on this machine are answered; the bodies are plain JSON, errors the AWS envelope.
 */
final class ControlRoutes {
    static final String ROOT = "/_ecsmock";
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);

    private final EcsMock mock;
    private final EcsProtocol protocol;

    ControlRoutes(EcsMock mock, EcsProtocol protocol) {
        this.mock = mock;
        this.protocol = protocol;
    }

    /**
     * Registers the controls as one route a method, dispatched here by path: Javalin makes a path
     * parser for every route when the server starts and tries each route of a method on every request,
     * and fourteen routes cost every mock's start and every ECS request their share.
     */
    void register(RoutesConfig routes) {
        Map<String, Handler> controls = controls();
        Handler dispatch = ctx -> {
            String path = ctx.path().length() > ROOT.length() + 1 && ctx.path().endsWith("/")
                    ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path();
            Handler control = controls.get(ctx.method() + " " + path.substring(ROOT.length()));
            if (control == null) {
                ctx.status(404); // answered as every path that is not ECS's is
            } else {
                control.handle(ctx);
            }
        };
        routes.get(ROOT + "/*", dispatch);
        routes.post(ROOT + "/*", dispatch);
        routes.delete(ROOT + "/*", dispatch);
    }

    /** The controls by method and path under {@link #ROOT}. */
    private Map<String, Handler> controls() {
        Map<String, Handler> controls = new HashMap<>();
        controls.put("POST /reset", control(body -> {
            mock.reset();
            return Map.of("reset", true);
        }));
        controls.put("GET /state", control(this::state));
        controls.put("GET /journal", control(this::journal));
        controls.put("DELETE /journal", control(body -> {
            mock.journal().clear();
            return Map.of("cleared", true);
        }));
        controls.put("GET /clock", control(body -> Map.of("now", mock.clock().now())));
        controls.put("POST /clock/advance", control(body -> Map.of("now",
                mock.clock().advance(Duration.ofMillis(Math.round(number(body, "seconds", null) * 1000))))));
        controls.put("POST /faults/errors", control(this::injectError));
        controls.put("POST /faults/delays", control(body -> {
            mock.delayNext(text(body, "operation")).times(count(body)).by(Duration.ofMillis(Math.round(number(body, "seconds", null) * 1000)));
            return Map.of("added", true);
        }));
        controls.put("POST /faults/placement", control(body -> {
            PlacementFailure failure = mock.failPlacement().times(count(body)).placing(integer(body, "placing", 0));
            failure.withReason(body.containsKey("reason") ? text(body, "reason") : "RESOURCE:MEMORY");
            return Map.of("added", true);
        }));
        controls.put("POST /faults/task-definitions", control(body -> {
            if (body.containsKey("reason")) {
                mock.failTasksOf(text(body, "taskDefinition"), text(body, "reason"));
            } else {
                mock.failTasksOf(text(body, "taskDefinition"));
            }
            return Map.of("added", true);
        }));
        controls.put("DELETE /faults", control(body -> {
            mock.clearFaults();
            return Map.of("cleared", true);
        }));
        controls.put("POST /tasks/exit", control(body -> mock.exitEssentialContainer(text(body, "cluster"), text(body, "task"),
                integer(body, "exitCode", null), body.get("reason") == null ? null : text(body, "reason"))));
        controls.put("POST /tasks/interrupt", control(body -> mock.interruptTask(text(body, "cluster"), text(body, "task"))));
        controls.put("POST /tasks/lose", control(body -> mock.loseTask(text(body, "cluster"), text(body, "task"))));
        return controls;
    }

    /** A query parameter, or {@code otherwise} when it is left out or left empty ({@code ?account=&region=}). */
    private static String parameterOr(Context ctx, String name, String otherwise) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private Object state(Map<String, Object> body, Context ctx) {
        String account = parameterOr(ctx, "account", mock.account());
        String region = parameterOr(ctx, "region", mock.region());
        EcsView view = mock.view(account, region);
        List<Object> services = new ArrayList<>();
        List<Object> tasks = new ArrayList<>();
        for (Cluster cluster : view.clusters()) {
            services.addAll(view.services(cluster.clusterName()));
            tasks.addAll(view.tasks(cluster.clusterName()));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("account", account);
        state.put("region", region);
        state.put("now", mock.clock().now());
        state.put("clusters", view.clusters());
        state.put("taskDefinitions", view.taskDefinitions());
        state.put("services", services);
        state.put("tasks", tasks);
        return state;
    }

    private Object journal(Map<String, Object> body, Context ctx) {
        String operation = ctx.queryParam("operation");
        List<RecordedRequest> requests = operation == null ? mock.journal().all() : mock.journal().of(operation);
        List<Object> shown = new ArrayList<>();
        for (RecordedRequest request : requests) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("operation", request.operation());
            entry.put("account", request.account());
            entry.put("region", request.region());
            entry.put("status", request.status());
            entry.put("errorCode", request.errorCode());
            entry.put("at", request.at());
            entry.put("requestId", request.requestId());
            entry.put("request", request.request() != null ? request.request() : request.body());
            shown.add(entry);
        }
        return Map.of("requests", shown, "dropped", mock.journal().dropped());
    }

    private Object injectError(Map<String, Object> body) {
        ErrorInjection injection = mock.failNext(text(body, "operation")).times(count(body));
        injection.withError(text(body, "code"), integer(body, "status", 400),
                body.containsKey("message") ? text(body, "message") : text(body, "code"));
        return Map.of("added", true);
    }

    private Handler control(Function<Map<String, Object>, Object> action) {
        return control((body, ctx) -> action.apply(body));
    }

    private interface Action {
        Object apply(Map<String, Object> body, Context ctx);
    }

    private Handler control(Action action) {
        return ctx -> {
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                write(ctx, new EcsError("AccessDeniedException", 403, "The /_ecsmock/ controls answer callers on this machine only."));
                return;
            }
            try {
                Object parsed = JsonValues.read(ctx.bodyAsBytes());
                if (!(parsed instanceof Map<?, ?>)) {
                    throw Errors.invalidParameter("The body must be a JSON object.");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) parsed;
                byte[] answer = JsonValues.write(action.apply(body, ctx));
                ctx.status(200);
                ctx.header("x-amzn-RequestId", EcsProtocol.newRequestId());
                ctx.contentType("application/json");
                ctx.result(answer);
            } catch (EcsError error) {
                write(ctx, error);
            } catch (IllegalArgumentException | IllegalStateException error) {
                write(ctx, Errors.invalidParameter(error.getMessage()));
            } catch (RuntimeException bug) {
                LOG.error("ecs-mock failed to answer {} {}; this is a bug in ecs-mock", ctx.method(), ctx.path(), bug);
                write(ctx, Errors.server("ecs-mock failed to answer this control request; see its log."));
            }
        };
    }

    private void write(Context ctx, EcsError error) {
        ProtocolResponse response = protocol.error(error);
        ctx.status(response.status());
        ctx.header("x-amzn-RequestId", response.requestId());
        ctx.contentType(ProtocolResponse.CONTENT_TYPE);
        ctx.result(response.body());
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw Errors.invalidParameter(name + " must be a non-empty string.");
        }
        return text;
    }

    private static double number(Map<String, Object> body, String name, Double fallback) {
        Object value = body.get(name);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw Errors.invalidParameter(name + " must be a number.");
        }
        return number.doubleValue();
    }

    private static int integer(Map<String, Object> body, String name, Integer fallback) {
        double value = number(body, name, fallback == null ? null : fallback.doubleValue());
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw Errors.invalidParameter(name + " must be a whole number.");
        }
        return (int) value;
    }

    /** {@code times}: how many calls a fault answers, 1 when absent, every call when "always" is true. */
    private static int count(Map<String, Object> body) {
        if (Boolean.TRUE.equals(body.get("always"))) {
            return Integer.MAX_VALUE;
        }
        int times = integer(body, "times", 1);
        if (times < 1) {
            throw Errors.invalidParameter("times must be at least 1.");
        }
        return times;
    }
}
