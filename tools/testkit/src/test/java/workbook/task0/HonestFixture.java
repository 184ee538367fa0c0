package workbook.task0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A student class that keeps to the allow-list and names a local variable {@code sorted}: StudentCodeTest's fixture. */
final class HonestFixture {

    sealed interface Shape permits Circle, Square {
    }

    record Circle(double r) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    private HonestFixture() {
    }

    static CompletableFuture<List<Double>> run(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        var sorted = new ConcurrentLinkedQueue<Double>();
        var all = new ArrayList<CompletableFuture<Double>>();
        for (int i = 0; i < n; i++) {
            double delay = ThreadLocalRandom.current().nextDouble();
            all.add(new CompletableFuture<Double>().completeOnTimeout(delay, Math.round(delay * 1e9), TimeUnit.NANOSECONDS)
                    .whenComplete((d, e) -> sorted.add(d)));
        }
        long start = System.nanoTime();
        System.out.println("started in " + (System.nanoTime() - start) + " ns, " + Duration.ofSeconds(1));
        Thread.ofVirtual().start(() -> { });
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> List.copyOf(sorted));
    }

    static double area(Shape shape) {
        return switch (shape) {
            case Circle c -> Math.PI * c.r() * c.r();
            case Square s -> s.side() * s.side();
        };
    }
}
