package io.ganaka.streams.reportupdates;

/**
 * What month closing knows of a user: the time zone id their months end in, or that the account was deleted (then
 * none of their months closes and whatever else arrives for them is ignored).
 */
record UserClock(String zone, boolean deleted) {

    static final UserClock DELETED = new UserClock(null, true);
}
