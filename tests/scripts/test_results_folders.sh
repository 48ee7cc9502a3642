#!/bin/bash
# scripts/common.sh's results folders: a run's partial folder survives
# another run starting beside it in the same root (a matrix and an event
# count at once: the second used to delete the first's folder mid-run),
# while a dead run's leftovers, and those of the older unnamed kind, go;
# a published folder has its final name and no partial one is left.
. "$(dirname "$0")/../lib.sh"
scratch
root=$SCRATCH/results

# A run that stays alive until told to stop, holding its partial folder.
(
	. "$TOP/scripts/common.sh"
	results_begin "$root"
	echo "$RESULTS_PARTIAL" >"$SCRATCH/alive"
	while [ ! -e "$SCRATCH/stop" ]; do sleep 0.1; done
) &
holder=$!
while [ ! -s "$SCRATCH/alive" ]; do sleep 0.1; done
alive=$(cat "$SCRATCH/alive")

# Leftovers: a run that died (a PID no process has), and the old naming.
sh -c 'exit 0' &
dead=$!
wait $dead
mkdir "$root/.partial-$dead-AbCdEf" "$root/.partial-XyZ123"

(
	. "$TOP/scripts/common.sh"
	RESULTS_REV=test
	results_begin "$root"
	touch "$RESULTS_PARTIAL/data"
	results_publish "$root" >"$SCRATCH/published"
) 2>/dev/null
published=$(cat "$SCRATCH/published")
check "the live run's partial folder is still there" [ -d "$alive" ]
check "the dead run's partial folder is gone" [ ! -e "$root/.partial-$dead-AbCdEf" ]
check "the old-style partial folder is gone" [ ! -e "$root/.partial-XyZ123" ]
check "the second run published its folder ($published)" [ -f "$published/data" ]
check "it is named <stamp>-<rev>" eval '[[ ${published##*/} =~ ^[0-9]{8}-[0-9]{6}-test$ ]]'
touch "$SCRATCH/stop"
wait $holder
check "the live run's folder went with it (not published)" [ ! -e "$alive" ]
check "no partial folder left" [ -z "$(ls -d "$root"/.partial-* 2>/dev/null)" ]
finish
