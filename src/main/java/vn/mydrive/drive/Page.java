package vn.mydrive.drive;

import java.util.List;

/** A slice of a longer list and the length of the whole list. */
public record Page<T>(List<T> items, long total) {
}
