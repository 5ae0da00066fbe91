package vn.mydrive.platform.events;

/**
 * An account is being deleted at its owner's request. Observers remove what the account owns before this event
 * returns (it is fired synchronously); the account is already disabled and signed out, so nothing new of it
 * arrives meanwhile, and its record goes only after every observer is done.
 */
public record AccountDeleting(String username) {
}
