// Public surface of Kubernetes protobuf request-body decoding.
export { decodeProtobufBody, PROTOBUF_MEDIA_TYPE } from './envelope.js';
