#include <Python.h>

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_psycopg", NULL, -1, NULL};

PyMODINIT_FUNC PyInit__psycopg(void) { return PyModule_Create(&module); }
