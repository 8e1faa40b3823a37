package io.mnistspark.cluster;

/** Command lines for the job, built from a shared part and a per-run tail (data, output directory). */
final class JobArgs {
    private JobArgs() {
    }

    /** {@code args} followed by {@code more}. */
    static String[] plus(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
