package vn.mydrive.drive;

import vn.mydrive.drive.DriveExceptions.NoSuchPersonException;
import vn.mydrive.drive.DriveExceptions.TooManyPeopleException;
import vn.mydrive.platform.security.AccountDirectory;

/** The rules of sharing with a person by name, the same for a file and for a folder: who they are, how many. */
final class PersonSharing {

    /**
     * People one file or folder may be shared with by name (more is a group's job, or a link's). Two pages adding
     * at the same moment may pass it by one: the bound is against abuse, not exact.
     */
    static final int MOST_PEOPLE = 100;

    private PersonSharing() {
    }

    /** The person's name as typed (trimmed), if an account has it; else {@code no_such_person}. */
    static String existingPerson(AccountDirectory accounts, String person) {
        String name = person == null ? "" : person.strip();
        if (!accounts.exists(name)) {
            throw new NoSuchPersonException();
        }
        return name;
    }

    /** Refuses one more person when {@code sharedWith} people have it already. */
    static void roomForOneMore(int sharedWith) {
        if (sharedWith >= MOST_PEOPLE) {
            throw new TooManyPeopleException(MOST_PEOPLE);
        }
    }
}
