package org.hotline.routing.bench;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decisions per second of the rules engine, over a fixed mix of 1,024 random complaints. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingEngineBenchmark {

    private static final int COMPLAINTS = 1024;

    /** {@code sample}: the Kazakhstan sample; {@code synthetic}: 10,000 authorities and 1,000 rules. */
    @Param({"sample", "synthetic"})
    public String directory;

    private RoutingEngine engine;
    private ComplaintFacts[] complaints;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        boolean sample = directory.equals("sample");
        engine = sample ? SampleDirectory.engine() : SyntheticDirectory.engine();
        complaints = new ComplaintFacts[COMPLAINTS];
        String[] kzRegions = {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
            "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"};
        for (int i = 0; i < COMPLAINTS; i++) {
            Set<Category> categories = EnumSet.of(Category.values()[random.nextInt(7)]);
            if (random.nextBoolean()) {
                categories.add(Category.values()[random.nextInt(7)]);
            }
            String region;
            String district = null;
            String country;
            if (sample) {
                country = "KZ";
                region = kzRegions[random.nextInt(kzRegions.length)];
                if (region.equals("KZ-39") && random.nextBoolean()) {
                    district = random.nextBoolean() ? "391010000" : "392410000";
                }
            } else {
                country = "XX";
                int r = random.nextInt(SyntheticDirectory.REGIONS);
                region = SyntheticDirectory.region(r);
                district = SyntheticDirectory.district(r, random.nextInt(SyntheticDirectory.DISTRICTS_PER_REGION));
            }
            complaints[i] = new ComplaintFacts(categories, Sector.values()[random.nextInt(4)],
                    WorkplaceType.values()[random.nextInt(8)], AccusedRole.values()[random.nextInt(5)],
                    random.nextInt(4) == 0, random.nextInt(10) == 0, random.nextInt(10) == 0,
                    ComplainantMode.values()[random.nextInt(3)], country, region, true, district,
                    LocalDate.of(2026, 11, 24));
        }
    }

    @Benchmark
    public Decision decide() {
        ComplaintFacts facts = complaints[next++ & (COMPLAINTS - 1)];
        return engine.decide(facts);
    }
}
