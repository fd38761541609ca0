/** The model in use now, as the parts that consult it see it: its accuracy, 0 while there is none. */
export class DeployedModel {
  accuracy = 0;
}
