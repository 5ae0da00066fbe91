package vn.mydrive.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Change;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.platform.events.TransferMeasured.Direction;

class MonitorMetricsTest {

    private final MonitorMetrics metrics = new MonitorMetrics();

    @Test
    void clientsAndWhatTheyDoAreCountedFromPresenceEvents() {
        metrics.track(ClientPresence.of("c1", Change.CONNECTED, "an", "1.2.3.4", null));
        metrics.track(ClientPresence.of("c2", Change.CONNECTED, "binh", "1.2.3.5", null));
        metrics.track(ClientPresence.of("c1", Change.BUSY, "an", "1.2.3.4", new Work(Work.Kind.UPLOADING, "a", 10)));
        metrics.track(ClientPresence.of("c2", Change.BUSY, "binh", "1.2.3.5", new Work(Work.Kind.DOWNLOADING, "b", 5)));

        assertEquals(2, metrics.getConnectedClients());
        assertEquals(1, metrics.getActiveUploads());
        assertEquals(1, metrics.getActiveDownloads());
        String text = metrics.prometheus();
        assertTrue(text.contains("mydrive_connected_clients 2.0"), text);
        assertTrue(text.contains("mydrive_uploads_active 1.0"), text);

        metrics.track(ClientPresence.of("c1", Change.BUSY, "an", "1.2.3.4", null));
        metrics.track(ClientPresence.of("c2", Change.DROPPED, "binh", "1.2.3.5", null));
        assertEquals(1, metrics.getConnectedClients());
        assertEquals(0, metrics.getActiveUploads() + metrics.getActiveDownloads());
    }

    @Test
    void activitiesAreCountedByKindAndShownEvenWhenZero() {
        metrics.count(Activity.of(Activity.Kind.LOGIN, "an", "1.2.3.4", null));
        metrics.count(Activity.of(Activity.Kind.LOGIN, "an", "1.2.3.4", null));

        assertEquals(2, metrics.getLoginsOk());
        String text = metrics.prometheus();
        assertTrue(text.contains("mydrive_activity_total{kind=\"login\"} 2.0"), text);
        assertTrue(text.contains("mydrive_activity_total{kind=\"lookup\"} 0.0"), text);
    }

    @Test
    void segmentsAreSummedAndBucketedByDirection() {
        metrics.measure(new TransferMeasured(Direction.IN, 1000, 3_000_000));
        metrics.measure(new TransferMeasured(Direction.IN, 500, 40_000_000));
        metrics.measure(new TransferMeasured(Direction.OUT, 7, 1_000));

        assertEquals(1500, metrics.getBytesIn());
        assertEquals(7, metrics.getBytesOut());
        assertEquals(5, metrics.segmentMillisPercentile(Direction.IN, 0.5));
        assertEquals(50, metrics.segmentMillisPercentile(Direction.IN, 0.99));
        String text = metrics.prometheus();
        assertTrue(text.contains("mydrive_transfer_bytes_total{direction=\"in\"} 1500.0"), text);
        assertTrue(text.contains("mydrive_segment_seconds_count{direction=\"in\"} 2"), text);
        assertTrue(text.contains("mydrive_segment_seconds_bucket{direction=\"in\",le=\"0.005\"} 1"), text);
    }

    @Test
    void withNoSegmentThereIsNoPercentile() {
        assertEquals(-1, metrics.segmentMillisPercentile(Direction.OUT, 0.5));
    }
}
