/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The whole launcher behind one call, so that main() is one line and a
 * test program can be a launcher with something of its own around it.
 */
#ifndef LAUNCHER_LAUNCH_H
#define LAUNCHER_LAUNCH_H

/* Parses the launcher's command line and runs it; returns its exit status. */
int launch(int argc, char **argv);

#endif /* LAUNCHER_LAUNCH_H */
