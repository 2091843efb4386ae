package org.hotline.intake.complaint.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.hotline.intake.complaint.application.PublicationFailedException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * One Kafka transaction over a batch of complaints: sends every record of every complaint, waits for all the
 * acknowledgements (at most {@code ackTimeout} together), commits, and aborts when anything of that fails.
 *
 * <p>Why a transaction rather than plain idempotent sends: a send that times out may still have reached the
 * log, and would then surface later for a request that was answered 503. Aborting instead makes the records
 * invisible to every {@code read_committed} consumer, and a transaction the broker never hears from again is
 * aborted by the coordinator after {@code transaction.timeout.ms}. So a committed batch is answered 202 and a
 * failed one 503, with one window left open: a commit whose acknowledgement is lost in a broker failure. That is
 * documented in docs/intake.md.
 *
 * <p>A producer that failed (fenced, timed out, or in a fatal state) is not reused: Spring Kafka's transactional
 * producer factory marks a producer whose send, begin, commit or abort failed, and closes it instead of
 * returning it to its cache, so the next batch starts on a new producer that initialises its transactions
 * again ({@code BrokerOutageIT} shows the intake committing again once the broker is back).
 */
class KafkaBatchTransaction implements GroupCommit.Transaction<List<ProducerRecord<String, byte[]>>> {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration ackTimeout;

    KafkaBatchTransaction(KafkaTemplate<String, byte[]> template, Duration ackTimeout) {
        this.template = template;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void commit(List<List<ProducerRecord<String, byte[]>>> batch) {
        try {
            template.executeInTransaction(operations -> {
                List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
                for (List<ProducerRecord<String, byte[]>> complaint : batch) {
                    for (ProducerRecord<String, byte[]> record : complaint) {
                        sent.add(operations.send(record));
                    }
                }
                awaitAcknowledgements(sent);
                return null;
            });
        } catch (KafkaException | org.springframework.kafka.KafkaException | NotAcknowledgedException e) {
            throw new PublicationFailedException("the broker did not take a transaction of " + batch.size()
                    + " complaints in time", e);
        }
    }

    /**
     * An empty transaction: the template creates a producer, which registers its transactional id with the
     * coordinator ({@code initTransactions}), and keeps it for the first batch.
     */
    @Override
    public void prepare() {
        template.executeInTransaction(operations -> null);
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sent) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (CompletableFuture<SendResult<String, byte[]>> send : sent) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new NotAcknowledgedException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException(e);
        }
    }

    /** Thrown inside the transaction so that the template aborts it. */
    private static final class NotAcknowledgedException extends RuntimeException {
        NotAcknowledgedException(Throwable cause) {
            super("no acknowledgement from the broker", cause);
        }
    }
}
