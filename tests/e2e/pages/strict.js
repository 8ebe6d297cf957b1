import '../../../pkg/element.js';
