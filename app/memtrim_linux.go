//go:build linux && cgo

package app

/*
#include <malloc.h>
*/
import "C"

func trimCHeap() { C.malloc_trim(0) }
