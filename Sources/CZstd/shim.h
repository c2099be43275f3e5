// The system zstd (Debian: libzstd-dev), for Anki's modern collection.anki21b packages.
#include <zstd.h>
