package io.github.ecsmock.internal.state;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.internal.paging.PageTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link EcsState} per (account, region), made on first use; clients of two regions or accounts
 * never see each other's resources. {@link #reset()} forgets them all in one step.
 */
public final class EcsStates {
    /**
     * The key of one state. Its equality is written out: every request looks its state up, and the
     * record's generated methods went through method-handle combinators that cost a request more than
     * comparing two strings.
     */
    private record Scope(String account, String region) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Scope scope && Objects.equals(account, scope.account) && Objects.equals(region, scope.region);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(account) + Objects.hashCode(region);
        }
    }

    /** Replaced, not cleared, by a reset: a request that raced with it keeps the states it found, and cannot keep them at hand. */
    private volatile Map<Scope, EcsState> states = new ConcurrentHashMap<>();
    /** The scope asked for last, and its state. */
    private volatile Last last;
    private final EcsClock clock;
    private final PageTokens pageTokens = new PageTokens();
    private final long seed;
    private final Duration lifecycleStep;
    private final Faults faults = new Faults();

    public EcsStates(EcsClock clock, long seed, Duration lifecycleStep) {
        this.clock = clock;
        this.seed = seed;
        this.lifecycleStep = lifecycleStep;
    }

    /** The misbehaviour tests asked for, shared by every account and region. */
    public Faults faults() {
        return faults;
    }

    /**
     * The state of one account and region, made on its first request. The one asked for last is kept at
     * hand: nearly every request of a test speaks for the same scope, and the map's lookup (a key made,
     * hashed and compared) was a fiftieth of answering a RunTask.
     */
    public EcsState of(String account, String region) {
        Map<Scope, EcsState> current = states;
        Last last = this.last;
        if (last != null && last.states() == current && last.account().equals(account) && last.region().equals(region)) {
            return last.state();
        }
        EcsState state = current.computeIfAbsent(new Scope(account, region),
                scope -> new EcsState(scope.account(), scope.region(), clock, pageTokens, seed, lifecycleStep, faults));
        this.last = new Last(current, account, region, state);
        return state;
    }

    /** Immutable, so threads that race on it only miss; it names the map it came from, so a reset outdates it. */
    private record Last(Map<Scope, EcsState> states, String account, String region, EcsState state) {
    }

    public List<EcsState> all() {
        return List.copyOf(states.values());
    }

    public void reset() {
        states = new ConcurrentHashMap<>();
        last = null;
    }

    public EcsClock clock() {
        return clock;
    }
}
