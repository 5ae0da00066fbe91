package vn.mydrive.drive.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.transfer.TransferExceptions.WindowExceededException;
import vn.mydrive.platform.json.JsonProviders;

class RepliesTest {

    @Test
    void storedSegmentsAreSentAsRangesWhateverTheirOrderAndRepeats() {
        assertEquals("[[0,2],[5,5],[7,9]]", Replies.ranges(List.of(9, 0, 1, 2, 5, 7, 8, 1)).build().toString());
        assertEquals("[]", Replies.ranges(List.of()).build().toString());
    }

    @Test
    void anAckCountsStoredSegmentsOrSaysItIsARepeat() {
        ObjectId id = new ObjectId();
        JsonObject first = json(Replies.ack(id, 4, 5));
        assertEquals(5, first.getInt("received"));
        assertEquals(id.toHexString(), first.getString("uploadId"));
        JsonObject repeat = json(Replies.ack(id, 4, -1));
        assertTrue(repeat.getBoolean("repeat"));
        assertFalse(repeat.containsKey("received"));
    }

    @Test
    void everyErrorSaysWhetherToRetryAndWhetherToSlowDown() {
        JsonObject busy = json(Replies.error("segment", JsonProviders.JSON.createObjectBuilder().add("index", 3),
                new WindowExceededException(20)));
        assertEquals("window_exceeded", busy.getString("error"));
        assertTrue(busy.getBoolean("retry"));
        assertTrue(busy.getBoolean("backoff"));
        assertEquals(3, busy.getInt("index"));
        JsonObject missing = json(Replies.error("download", JsonProviders.JSON.createObjectBuilder(),
                new FileNotFoundException()));
        assertFalse(missing.getBoolean("retry"));
        assertFalse(missing.getBoolean("backoff"));
    }

    @Test
    void clientTextIsClippedBeforeItIsEchoed() {
        assertEquals("a".repeat(64) + "...", Replies.clip("a".repeat(500)));
        assertEquals("", Replies.clip(null));
    }

    private static JsonObject json(String text) {
        return JsonProviders.JSON.createReader(new StringReader(text)).readObject();
    }
}
