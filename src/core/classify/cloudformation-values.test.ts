// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests read
import { describe, expect, it } from "vitest";
import { readTemplate } from "./cloudformation-template.js";
import { Resolver } from "./cloudformation-values.js";

const TEMPLATE = `Parameters:
  Env: { Type: String, Default: prod }
Mappings:
  Principals:
    aws: { Eks: eks.amazonaws.com, Ec2: ec2.amazonaws.com }
    aws-cn: { Eks: eks.amazonaws.com, Ec2: ec2.amazonaws.com.cn }
  Accounts:
    prod: { Id: "111111111111" }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Value:
    Type: AWS::SSM::Parameter
    Properties:
      Sub: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/\${Env}/*"
      Join: !Join [":", [a, !Ref AWS::Region, !GetAtt Bucket.Arn]]
      Same: !FindInMap [Principals, !Ref AWS::Partition, Eks]
      Differs: !FindInMap [Principals, !Ref AWS::Partition, Ec2]
      Literal: !FindInMap [Accounts, prod, Id]
      Import: !ImportValue shared-vpc-id
      Chosen: !If [IsProd, a, !Ref AWS::NoValue]
      Escaped: !Sub "\${!Literal}"
`;

const resolver = () => {
  const read = readTemplate("t.yaml", TEMPLATE);
  if (!read?.ok) throw new Error("not read");
  return {
    resolver: new Resolver(read.template),
    props: read.template.resources.get("Value")?.properties ?? {},
  };
};

describe("Resolver", () => {
  const { resolver: r, props } = resolver();
  const at = (name: string) => r.resolve(props[name]);

  it("keeps pseudo-parameters and the template's resources as themselves, parameters as expressions", () => {
    expect(at("Sub")).toEqual({
      value: "${arn:{AWS::Partition}:s3:::{Bucket}/<Env>/*}",
      on: ["parameter Env"],
      structural: false,
    });
    expect(at("Join").value).toBe("a:{AWS::Region}:{Bucket.Arn}");
    expect(at("Escaped").value).toBe("${Literal}");
  });

  it("reads a mapping by literal keys, and by a partition key where every entry agrees", () => {
    expect(at("Literal").value).toBe("111111111111");
    expect(at("Same").value).toBe("eks.amazonaws.com");
    expect(at("Differs")).toMatchObject({
      on: ["AWS::Partition (where the stack is deployed)", "mapping Principals"],
      structural: false,
    });
  });

  it("says what a value rests on: another stack's export, a condition", () => {
    expect(at("Import").on).toEqual(["the export shared-vpc-id of another stack"]);
    expect(at("Chosen")).toMatchObject({ on: ["condition IsProd"] });
  });
});
