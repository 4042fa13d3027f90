/** The text of --help, for the program and for `simulate`. */
import { SCENARIO_NAMES } from '../sim/scenarios/index.js';
import { LIMITS, formatCount } from '../sim/limits.js';

export const MAIN_USAGE = `tcp-timewait: learn TCP's TIME_WAIT state by breaking it

Usage:
  tcp-timewait                      the lesson menu
  tcp-timewait lesson ID|NUMBER     open a lesson: 1-7, or the-close, msl,
                                    lost-final-ack, wandering-duplicates,
                                    the-exception, in-practice, review
  tcp-timewait sandbox [--scenario NAME] [--seed N]
                                    every scenario and policy, no lesson text
  tcp-timewait sandbox --run FILE   replay a run file saved by the sandbox's
                                    e key
  tcp-timewait quiz                 a mixed review quiz
  tcp-timewait record --out F.cast  record a run in the TUI as an asciicast
                                    (see record --help)
  tcp-timewait simulate [options]   run a scenario headless and print its trace
                                    (see simulate --help)
  tcp-timewait lint [PATH]          check lesson files (default: the course)
  tcp-timewait lab [--experiment NAME] [--json]
                                    TIME_WAIT in your own kernel (lab --help)
  tcp-timewait --reset-progress     forget saved progress (asks first)
  tcp-timewait --help | --version

Options for the interactive commands:
  --config-dir DIR                  where progress is saved (or set
                                    TCP_TIMEWAIT_CONFIG_DIR; default:
                                    $XDG_CONFIG_HOME/tcp-timewait)
  --export-dir DIR                  where the e key saves pcap and Mermaid files
                                    (or set TCP_TIMEWAIT_EXPORT_DIR; default:
                                    $XDG_DATA_HOME/tcp-timewait/exports, usually
                                    ~/.local/share/tcp-timewait/exports)
  --theme auto|dark|light           colours for a dark or a light background
                                    (or set TCP_TIMEWAIT_THEME; auto, the
                                    default, reads COLORFGBG when it is set)
  --no-color                        no colour, glyphs and words only (NO_COLOR
                                    and FORCE_COLOR=0 do the same); TERM=dumb
                                    prints plain frames one after another
  --screen-reader                   sentences instead of drawings, for a
                                    screen reader (or set
                                    TCP_TIMEWAIT_SCREEN_READER=1)

Exit codes: 0 success, 1 a failed check (lint) or a failed write, 2 bad usage
or no terminal.
`;

export const SIMULATE_USAGE = `tcp-timewait simulate: run a scenario headless and print its trace

Usage: tcp-timewait simulate [--scenario NAME|FILE] [options]

Scenario and run:
  --scenario, -s NAME|FILE   ${SCENARIO_NAMES.join(', ')},
                             churn (many short connections in a row: a load test)
                             or a scenario YAML file (default: normal-close),
                             or a run file saved by the sandbox's e key (its
                             seed, policies and perturbations; flags add to them)
  --seed N                   seed of the run's random generator (default 1)
  --until SECONDS            stop at this simulated time (default: the scenario's own;
                             at most ${formatCount(LIMITS.seconds)})
  --max-events N             stop the run after N events (default ${formatCount(LIMITS.events)}); a run
                             cut short, or one whose clock stops moving, exits 1
  --format, -f FORMAT        text (tcpdump-like, default), json (one event per line),
                             ladder (ASCII ladder diagram), mermaid (sequenceDiagram),
                             svg (the ladder as a picture for slides: > run.svg)
  --width N                  width of the ladder (default 80); the SVG keeps the same rows
  --pcap FILE                also write a pcap file (open it in Wireshark or tcpdump -r);
                             an existing file is kept unless --force, a symlink never followed
  --force                    let --pcap overwrite an existing file
  --capture POINT            where the pcap is captured: sender (default), client, server, r1, r2
  --pcapng FILE              also write pcapng: one interface per capture point (client, r1,
                             r2, server) and a comment on each packet (Wireshark: frame.comment)

Policies:
  --preset rfc1122|bsd|linux MSL 120 s / 30 s / Linux's fixed 60 s TIME_WAIT
  --msl SECONDS              maximum segment lifetime (TIME_WAIT lasts 2 x MSL)
  --time-wait rfc|off        off: the active closer skips TIME_WAIT (to see what breaks)
  --time-wait-seconds S      fix TIME_WAIT's length whatever the MSL (as Linux does)
  --berkeley on|off          accept a SYN in TIME_WAIT whose seq is greater (RFC 1122 4.2.2.13)
  --rfc1337 on|off           on: an RST in TIME_WAIT is ignored (RFC 1337 fix F1)
  --reuse refuse|allow       connect() on a 4-tuple still in TIME_WAIT
  --policy KEY=VALUE         set one policy by name (repeatable), e.g. timestamps=off,
                             tcpTwReuse=1, finWait2TimeoutSeconds=null, rtoEstimator=initial
  --isn fixed|clock|random   how initial sequence numbers are chosen
  --loss P                   lose each segment with probability P (seeded)

Compare:
  --compare KEY=VALUE[,...]  run twice, as asked and with these changes, e.g. time-wait=off,
                             preset=linux, rfc1337=on (the policy flags' names) or any --policy
                             KEY; marks where the runs first differ and says how in a sentence.
                             text or ladder: both ladders side by side (--width, default 160);
                             json: one JSON document {a, b, divergence}, each run's events as in
                             --format json, divergence.indexA/indexB positions in a.events/b.events

Perturbations (each may be repeated). A SELECTOR picks segments as they are sent:
  from=client|server, flags=FIN+ACK, exact (no other flags), data, nodata,
  retransmission, first, nth=N (default 1), every, id=N, state=TIME_WAIT (sender's state),
  and at=SECONDS to aim at segments in flight at that time.
  --drop SELECTOR                       lose the segment
  --duplicate SELECTOR[,copies=N,gap=S] the network delivers extra copies
  --delay SELECTOR,by=SECONDS           hold the segment up
  --loop SELECTOR[,laps=N|for=SECONDS]  catch it in a routing loop between r1 and r2
  --reorder SELECTOR[,by=SECONDS]       hold it back so later segments overtake it
  --heal SECONDS                        heal every routing loop at that time
  --crash HOST@SECONDS[,reboot=S]       the host forgets every connection
  --reconnect HOST@SECONDS[,port=N]     connect again from the same local port
  --inject from=HOST,flags=F+F,seq=N[,ack=N,data=TEXT,incarnation=N,born=S],at=S
                                        put an old segment into the network
  Bounds: copies <= ${LIMITS.copies}, laps <= ${formatCount(LIMITS.laps)}, nth and id <= ${formatCount(LIMITS.count)},
  times <= ${formatCount(LIMITS.seconds)} s. Scenario files have the same bounds.

Examples:
  tcp-timewait simulate -s lost-final-ack --format ladder
  tcp-timewait simulate -s lost-final-ack --format svg > lost-final-ack.svg
  tcp-timewait simulate -s lost-final-ack --time-wait off
  tcp-timewait simulate -s normal-close --drop from=server,flags=FIN --format json
  tcp-timewait simulate -s wandering-duplicate --time-wait off --pcap wd.pcap
  tcp-timewait simulate -s lost-final-ack --compare time-wait=off
`;

export const LINT_USAGE = `tcp-timewait lint: check lesson files

Usage: tcp-timewait lint [PATH]

PATH is a lesson YAML file or a folder of them (default: the course's own lessons).
Each problem is printed as file:line:col with what was found and what was expected.

Exit codes: 0 no errors, 1 at least one error, 2 bad usage.
`;
