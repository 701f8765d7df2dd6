// Lets examples `require('piimask')` resolve to this package without installing it.
'use strict';
const Module = require('module');
const path = require('path');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'piimask') return path.resolve(__dirname, '..', 'index.js');
  return original.call(this, request, ...rest);
};
