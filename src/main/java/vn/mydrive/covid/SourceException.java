package vn.mydrive.covid;

/** Why a source could not be used this time (unreachable, HTTP error, page changed, numbers unreadable...). */
public class SourceException extends Exception {

    public SourceException(String reason) {
        super(reason);
    }

    public SourceException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
