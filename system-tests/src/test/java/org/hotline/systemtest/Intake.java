package org.hotline.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients of the intake service's public API, as a hotline's web form or partner would be, behind a load balancer
 * that takes turns: consecutive requests go to the intake instances in turn.
 */
final class Intake {

    /**
     * What one submission got: the HTTP status (-1: no answer at all) and, for a 202, the complaint's ids;
     * {@code acceptedAtMillis} is when the answer came, {@code latencyNanos} how long it took.
     */
    record Submission(Complaints.Complaint complaint, int status, @Nullable String complaintId,
            @Nullable String reference, long acceptedAtMillis, @Nullable String problemType, long latencyNanos) {

        boolean accepted() {
            return status == 202;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newCachedThreadPool()).build();
    private final List<URI> complaints;
    private final AtomicInteger turn = new AtomicInteger();

    Intake(List<URI> intakes) {
        this.complaints = intakes.stream().map(intake -> intake.resolve("/api/v1/complaints")).toList();
    }

    Submission submit(Complaints.Complaint complaint) {
        return submit(complaint, null);
    }

    /**
     * @param forwardedFor the client's address as a trusted proxy would pass it on ({@code X-Forwarded-For}), so
     *     that one test JVM can be many clients, or null
     */
    Submission submit(Complaints.Complaint complaint, @Nullable String forwardedFor) {
        URI target = complaints.get(Math.floorMod(turn.getAndIncrement(), complaints.size()));
        long started = System.nanoTime();
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", complaint.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(complaint.body()));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long at = System.currentTimeMillis();
            if (response.statusCode() == 202) {
                JsonNode body = JSON.readTree(response.body());
                return new Submission(complaint, 202, body.get("complaintId").asString(),
                        body.get("reference").asString(), at, null, System.nanoTime() - started);
            }
            JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Submission(complaint, response.statusCode(), null, null, at,
                    problem == null || problem.get("type") == null ? null : problem.get("type").asString(),
                    System.nanoTime() - started);
        } catch (IOException e) {
            return new Submission(complaint, -1, null, null, System.currentTimeMillis(), e.toString(),
                    System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Submission(complaint, -1, null, null, System.currentTimeMillis(), "interrupted",
                    System.nanoTime() - started);
        }
    }

    /** Submits every complaint from {@code clients} concurrent clients; the submissions in no particular order. */
    List<Submission> submitAll(List<Complaints.Complaint> batch, int clients) {
        return submitAllInBackground(batch, clients, new AtomicInteger()).join();
    }

    /**
     * The same, in the background; {@code done} counts finished submissions, so a test can strike at a chosen
     * moment of the flow.
     */
    CompletableFuture<List<Submission>> submitAllInBackground(List<Complaints.Complaint> batch, int clients,
            AtomicInteger done) {
        return submitAllInBackground(batch, clients, done, null);
    }

    /** The same, every request from the one client {@code forwardedFor}, as {@link #submit} passes it on. */
    CompletableFuture<List<Submission>> submitAllInBackground(List<Complaints.Complaint> batch, int clients,
            AtomicInteger done, @Nullable String forwardedFor) {
        List<Submission> results = Collections.synchronizedList(new ArrayList<>(batch.size()));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < batch.size(); i = next.getAndIncrement()) {
                    results.add(submit(batch.get(i), forwardedFor));
                    done.incrementAndGet();
                }
            }, pool));
        }
        return CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                pool.shutdown()).thenApply(ok -> List.copyOf(results));
    }

    /**
     * Submits {@code rate} new complaints of {@code batch} a second for {@code duration}, each on its own schedule
     * tick; {@code forwardedFor} gives the i-th its client's address, or null.
     */
    List<Submission> atFixedRate(String batch, int rate, Duration duration,
            IntFunction<@Nullable String> forwardedFor) {
        List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> pending = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1);
        AtomicInteger next = new AtomicInteger();
        ticks.scheduleAtFixedRate(() -> pending.add(CompletableFuture.runAsync(() -> {
            int i = next.getAndIncrement();
            submissions.add(submit(Complaints.one(batch, i), forwardedFor.apply(i)));
        }, clients)), 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        HotlineSystem.hold(duration);
        ticks.shutdownNow();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        clients.shutdown();
        return List.copyOf(submissions);
    }

    /**
     * Keeps {@code clients} clients submitting new complaints of {@code batch} until {@code stop} is set; every
     * submission is kept, answered or not.
     */
    CompletableFuture<List<Submission>> submitUntil(String batch, int clients, AtomicBoolean stop) {
        return submitUntil(batch, clients, Duration.ZERO, stop);
    }

    /** The same, each client waiting {@code pause} between its submissions: a steady load, not the most it takes. */
    CompletableFuture<List<Submission>> submitUntil(String batch, int clients, Duration pause, AtomicBoolean stop) {
        List<Submission> results = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    Submission submission = submit(Complaints.one(batch, next.getAndIncrement()));
                    results.add(submission);
                    if (submission.status() == -1) {
                        // Nobody listening: a real client backs off too, instead of spinning.
                        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    }
                    LockSupport.parkNanos(pause.toNanos());
                }
            }, pool));
        }
        return CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                pool.shutdown()).thenApply(ok -> List.copyOf(results));
    }
}
