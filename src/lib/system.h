/* system.h: start-up data the System module serves. */
#ifndef EMBER_SYSTEM_H
#define EMBER_SYSTEM_H

/* Sets what System.argv/0 returns: `argc` NUL-terminated strings that stay valid forever. */
void lib_set_argv(int argc, char **argv);

#endif
