#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* libxml2's HTML parser (libxml2-dev). The include path (-I/usr/include/libxml2) comes
   from pkg-config's libxml-2.0, which every Swift-on-Linux install has. */
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU
   headers, which clash with the copy of ICU inside Foundation (_FoundationICU) as soon as
   both modules are in one program. factdeck never touches the ICU parts of libxml2 (only
   pointers to the encoding handler pass through), so they are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
